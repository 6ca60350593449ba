"""HTTP routes, one module per resource; app/main.py assembles them."""
