"""ECoC-SME Platform."""
