// Terminal.Gui keeps some state in statics (iterations per second, 16-colour mode); the UI tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
