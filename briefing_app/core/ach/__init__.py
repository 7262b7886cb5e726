"""Analysis of Competing Hypotheses over key questions, and their key assumptions."""
