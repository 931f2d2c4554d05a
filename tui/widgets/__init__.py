"""The reader's widgets, one per module; the screens connect them."""
