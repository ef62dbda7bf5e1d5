"""The core rule packs, shipped as data inside the package."""
