"""The desktop user interface: the only package that imports Qt. It reaches the studio through the services."""
