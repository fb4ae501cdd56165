"""Settings: which engine drafts (built-in or an AI model), privacy, where the data lives."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from pydantic import SecretStr

from assistant.config import LLMProvider, LLMSettings, get_settings
from assistant.config.privacy import tracing_allowed
from assistant.config.saved import (
    forget_api_key,
    load_user_settings,
    save_time_zone,
    save_user_settings,
    settings_path,
    validate_choice,
)
from assistant.config.zones import machine_time_zone, time_zone_names
from assistant.errors import CoachError
from assistant.llm.health import test_connection
from ui.data_controls import export_import_controls
from ui.state import current_manager, get_services, reset_services

PROVIDERS = {
    LLMProvider.NONE: "None: built-in engine only (nothing leaves this machine)",
    LLMProvider.OPENAI: "OpenAI",
    LLMProvider.OPENAI_COMPATIBLE: "OpenAI-compatible server (Ollama, vLLM, LM Studio…)",
}

svc = get_services()
current = svc.settings
llm = current.llm
SAMPLE = (
    "- {report} shipped the import fix; Dana from finance (dana.kim@example.com, "
    "+1 415 555 0134) approved the budget\n- {report} to send the rollout plan to Lee by Friday"
)


def _preview() -> None:
    """The recap request for a sample note, exactly as it would be sent (nothing is sent)."""
    manager = current_manager()
    reports = svc.team.reports(manager.id) if manager else []
    if manager is None or not reports:
        return
    with st.expander("See exactly what is sent for a recap", icon=":material/visibility:"):
        sample = st.text_area(
            "Sample notes (edit them to try your own)",
            value=SAMPLE.format(report=reports[0].name),
            key="set_preview_notes",
        )
        if not sample.strip():
            return
        sent = svc.recap.preview_request(manager.id, reports[0].id, sample, dt.date.today())
        user = next((m["content"] for m in sent if m["role"] == "user"), "")
        where = llm.destination_host or "nowhere (no AI model is set)"
        st.caption(f"The request's text to {where}, as sent (the instructions are left out):")
        st.code(user, language=None, wrap_lines=True)


st.title("Settings")

flash = st.session_state.pop("settings_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

# -- engine -------------------------------------------------------------------------------------
st.subheader("Drafting engine")
st.caption(
    "The built-in engine always works offline. An AI model, if you add one, refines its drafts; "
    "if a call fails you get the built-in draft with a notice."
)
if "set_provider" not in st.session_state:
    st.session_state["set_provider"] = llm.provider
    st.session_state["set_model"] = llm.model
    st.session_state["set_base_url"] = llm.base_url or ""
    st.session_state["set_redact"] = current.redact
provider = LLMProvider(
    st.radio("Provider", list(PROVIDERS), format_func=PROVIDERS.__getitem__, key="set_provider")
)
key_known = llm.api_key is not None and bool(llm.api_key.get_secret_value())
remembered = load_user_settings(current.data_dir).remembers_key
if provider is not LLMProvider.NONE:
    c1, c2 = st.columns(2)
    model = c1.text_input("Model", key="set_model", placeholder="gpt-4o-mini")
    base_url = c2.text_input(
        "Base URL" + (" (optional)" if provider is LLMProvider.OPENAI else ""),
        key="set_base_url",
        placeholder=(
            "https://api.openai.com/v1"
            if provider is LLMProvider.OPENAI
            else "http://127.0.0.1:11434/v1"
        ),
    )
    api_key = st.text_input(
        "API key",
        type="password",
        key="set_api_key",
        placeholder="A key is set; type a new one to replace it" if key_known else "sk-…",
        help="Never shown again once saved. Local servers usually need none.",
    )
    remember = st.checkbox(
        "Remember the key on this machine",
        key="set_remember",
        value=remembered,
        help=f"Stored in {settings_path(current.data_dir)} readable only by you. "
        "Unticked: kept in memory until the app stops.",
    )
else:
    model, base_url, api_key, remember = llm.model, "", "", remembered
redact = st.toggle(
    "Replace names, e-mails, phone and ID numbers before sending text to the AI model",
    key="set_redact",
    help="They become placeholders like “Person A” or “[email A]” and are put back in the "
    "answer. Covers everyone in your teams and names found in the text itself.",
)


def _candidate() -> LLMSettings:
    typed = api_key.strip()
    return LLMSettings(
        provider=provider,
        model=model.strip() or llm.model,
        base_url=base_url.strip() or None,
        api_key=SecretStr(typed) if typed else llm.api_key,
        timeout_seconds=llm.timeout_seconds,
        max_retries=llm.max_retries,
        temperature=llm.temperature,
    )


c1, c2, c3 = st.columns([1, 1, 1])
save = c1.button("Save settings", type="primary", key="set_save", icon=":material/save:")
test = c2.button(
    "Test connection",
    key="set_test",
    icon=":material/network_check:",
    disabled=provider is LLMProvider.NONE,
)
forget = key_known and c3.button("Forget the API key", key="set_forget", icon=":material/key_off:")

if test:
    try:
        validate_choice(provider, model, base_url)
        candidate = current.model_copy(update={"llm": _candidate(), "redact": redact})
        with st.spinner("Sending one short test message…"):
            report = test_connection(candidate)
    except CoachError as exc:
        st.error(str(exc))
    else:
        if report.ok:
            st.success(report.message, icon=":material/check_circle:")
        else:
            st.error(report.message, icon=":material/error:")
if save:
    try:
        save_user_settings(
            get_settings().data_dir,
            provider=provider,
            model=model,
            base_url=base_url,
            redact=redact,
            api_key=api_key,
            remember_key=bool(remember),
        )
    except CoachError as exc:
        st.error(str(exc))
    else:
        for name in ("set_provider", "set_model", "set_base_url", "set_redact", "set_api_key"):
            st.session_state.pop(name, None)
        st.session_state["settings_flash"] = (
            "Saved. Drafts now use the built-in engine only."
            if provider is LLMProvider.NONE
            else f"Saved. Drafts are now refined by {model or llm.model}."
        )
        reset_services()
        st.rerun()
if forget:
    forget_api_key(get_settings().data_dir)
    st.session_state.pop("set_api_key", None)
    st.session_state["settings_flash"] = "The API key was removed from this machine."
    reset_services()
    st.rerun()

# -- time zone ----------------------------------------------------------------------------------
st.subheader("Time zone")
_machine_zone = machine_time_zone()
_zones = ["", *time_zone_names()]  # "": follow this machine
_zone_choice = st.selectbox(
    "Show and enter 1:1 times in",
    _zones,
    index=_zones.index(current.time_zone) if current.time_zone in _zones else 0,
    format_func=lambda z: z or f"This machine's time zone ({_machine_zone})",
    key="set_time_zone",
    help="Times are stored in UTC; this only changes how they are shown and typed.",
)
if st.button("Save time zone", key="set_time_zone_save", icon=":material/schedule:"):
    try:
        save_time_zone(get_settings().data_dir, _zone_choice or None)
    except CoachError as exc:
        st.error(str(exc))
    else:
        st.session_state["settings_flash"] = f"Times now show in {_zone_choice or _machine_zone}."
        reset_services()
        st.rerun()

# -- privacy ------------------------------------------------------------------------------------
st.subheader("What leaves this machine")
with st.container(border=True):
    host = llm.destination_host
    if host is None:
        st.markdown(
            ":green-badge[:material/lock: Nothing] No AI model is set, so nothing you type is "
            "sent anywhere. Drafts, search and the wording check all run on this machine."
        )
    else:
        where = "this machine" if llm.destination_is_local else "another computer"
        names = (
            "with people's names, e-mails, phone and ID numbers replaced by placeholders"
            if current.redact
            else "**as written, names included** (replacement is off)"
        )
        st.markdown(
            f":orange-badge[:material/cloud_upload: Sent to {host}] ({where}) Only when you "
            f"ask for a draft: the meeting notes you recap, the feedback you describe or "
            f"polish, and the agenda context, {names}. A draft waits at most "
            f"{llm.deadline_seconds:g} s for the model, then you get the built-in draft."
        )
    st.markdown(
        ":green-badge[:material/lock: Never sent] Private notes about a report, private "
        "notes on a meeting, your API key (except to the provider itself), and your other data."
    )
    tracing = "on (COACH_TRACING=true)" if current.tracing or tracing_allowed() else "off"
    st.caption(
        "Search uses a small model that runs locally; your notes are indexed on this machine. "
        f"Library telemetry is off; LangSmith tracing is {tracing}."
    )
    _preview()

# -- data ---------------------------------------------------------------------------------------
st.subheader("Your data")
kind, where = svc.database_location()
st.text_input("Data folder", value=str(current.data_dir), disabled=True, key="set_data_dir")
st.text_input(f"Database ({kind})", value=where, disabled=True, key="set_db")
st.caption(
    "The folder is readable by you only. Set COACH_DATA_DIR or COACH_DATABASE_URL before "
    "starting the app to use another place."
)
export_import_controls()
