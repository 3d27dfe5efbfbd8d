"""The builder's grammar-rule methods, by concern; `compiler.syntax.build.Builder` composes them."""
