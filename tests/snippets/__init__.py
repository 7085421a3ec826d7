"""Run the example programs under snippets/ and check what they print."""
