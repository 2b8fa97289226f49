"""speechdraft: drafts Chinese government speeches on ecological civilization work."""

__version__ = "0.1.0"
