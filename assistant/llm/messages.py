"""Convert the prompt library's plain messages into LangChain messages."""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from assistant.llm.prompts import PromptMessage

Messages = Sequence[PromptMessage | BaseMessage]


def to_langchain(messages: Messages) -> list[BaseMessage]:
    converted: list[BaseMessage] = []
    for message in messages:
        if isinstance(message, BaseMessage):
            converted.append(message)
            continue
        role, content = message["role"], message["content"]
        if role == "system":
            converted.append(SystemMessage(content))
        elif role == "user":
            converted.append(HumanMessage(content))
        elif role == "assistant":
            converted.append(AIMessage(content))
        else:
            raise ValueError(f"unknown message role {role!r}")
    return converted
