// The fixtures start whole stacks on fixed ports; two at once would clash and starve a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
