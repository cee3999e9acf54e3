"""Mock outputs by tier: each module maps the resource types its tier reads back to their outputs."""
