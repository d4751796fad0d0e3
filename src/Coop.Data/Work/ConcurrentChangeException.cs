namespace Coop.Data.Work;

/// <summary>A use case lost every race it ran: the data it needs is changing too fast. Shown as "busy, try again".</summary>
public sealed class ConcurrentChangeException(Exception inner)
    : Exception("The change collided with concurrent changes on every attempt.", inner);
