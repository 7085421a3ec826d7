"""What the test command sets up on the machine: toolchain/ (CPythons, Chromium)."""
