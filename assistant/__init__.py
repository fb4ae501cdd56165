"""1:1 Coach core library: data, retrieval, drafting jobs. Importable without Streamlit."""

from assistant.config.privacy import quiet_third_parties

# Before any third-party library loads: no telemetry, no prompt tracing (see config/privacy.py).
quiet_third_parties()

__version__ = "0.1.0"
