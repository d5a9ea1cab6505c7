"""Developer tools (benchmarks, evaluation, training); the app never imports these."""
