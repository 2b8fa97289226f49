"""Writers: one per output format, each reading only the Document model."""
