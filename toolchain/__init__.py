"""What the test command needs on the machine and installs when it can: the CPythons the
snippets are tested on (toolchain.pythons, with toolchain.debian_root for the ones a Debian
machine lacks) and Debian's Chromium for the browser and PDF tests (toolchain.system)."""
