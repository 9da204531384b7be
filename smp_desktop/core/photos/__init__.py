"""The photo library on disk: the content-addressed store, the import pipeline and thumbnails."""
