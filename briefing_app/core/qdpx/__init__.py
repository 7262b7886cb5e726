"""REFI-QDA project exchange (.qdpx): export coded work, import other tools' projects."""
