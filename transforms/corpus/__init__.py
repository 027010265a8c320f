"""Normalising across articles: stories (copies of one text), quote clusters and event clusters.

Pure functions only: text normalisation, MinHash band keys and the other index keys, the pairwise
comparisons that verify a candidate pair, and connected components. The warehouse keeps the
index and the links (``warehouse.corpus``); nothing here reads or writes.
"""
