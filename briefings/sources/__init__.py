"""Source readers: files, folders and globs -> SourceDocument with recovered metadata."""
