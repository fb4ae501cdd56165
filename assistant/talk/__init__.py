"""Conversations as they were spoken: parsing speaker-labelled transcripts (chat exports,
`Name: text` lines, WebVTT and SubRip files) into turns. The talk ratio and the recap of a
transcript both read transcripts through `transcript.parse_transcript`.
"""
