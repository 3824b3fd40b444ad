"""The Qt-free heart of hnreader: import, segmentation, search, figures, annotations, export."""
