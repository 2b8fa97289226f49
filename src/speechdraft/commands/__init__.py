"""One module per command; the CLI imports a command's module only when it runs."""
