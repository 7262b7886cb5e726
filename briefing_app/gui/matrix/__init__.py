"""The ACH Matrix view of a key question and its Key Assumptions panel."""
