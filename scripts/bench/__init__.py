"""Measurements that are reported, never asserted by timing: build time and growth, page weight,
layout shift and Lighthouse scores (`make bench`, written to PERFORMANCE.md)."""
