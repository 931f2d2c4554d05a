"""The reader's screens: the article reader, the library, help and the export dialog."""
