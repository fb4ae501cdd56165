"""1:1 Coach core library: data, retrieval, drafting jobs. Importable without Streamlit."""

__version__ = "0.1.0"
