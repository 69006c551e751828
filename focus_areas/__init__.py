"""Focus areas (Evaluation, Development, Research), each listing what is tagged with it."""
