"""Guidance and past notes: chunking, offline embeddings, the Chroma + FTS5 index, retrieval.

Public API (import from the submodules; this package stays cheap to import):

- `documents.NoteDocument`: one meeting's shareable notes, as the DB layer hands them over.
- `index.KnowledgeIndex.from_settings(settings)`: `sync_guidance(dir)`, `sync_notes(manager_id,
  docs)`, `update_meeting(doc)`, `remove_meeting(manager_id, meeting_id)`, `rebuild(...)`.
- `retriever.Retriever(index, manager_id).search(query, kind=, report_id=, date_from=,
  date_to=, limit=) -> list[SearchResult]`, each with a `citation`.
- `embeddings.make_embedding_function(settings)`: the bundled MiniLM model, or OpenAI if set.
"""
