// llama.cpp uses every core for each decode; tests running side by side would only fight over them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
