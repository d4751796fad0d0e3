namespace Coop.Web.Features.Governance;

/// <summary>
/// Something a member asked that the rules refuse (a ballot after the close, a proxy over the cap...). The key points
/// into the shared resources; pages show it beside the form, the API returns it as problem details (409 or 422).
/// </summary>
public sealed class GovernanceRefusalException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;
    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>Conflicts with the vote's state (closed, already voted...) rather than bad input.</summary>
    public bool IsConflict => Key.StartsWith("Governance.State.", StringComparison.Ordinal);
}
