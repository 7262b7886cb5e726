"""Writing notes: the Note tab and its notes list, editor, preview, problems and export."""
