"""The codebook and annotations: tags, tag dialogs and picker, the annotation lists."""
