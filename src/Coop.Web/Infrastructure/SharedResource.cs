namespace Coop.Web;

/// <summary>
/// Anchor type for the interface strings: <c>Resources/SharedResource.resx</c> holds French (the neutral language),
/// <c>SharedResource.en.resx</c> English. A test fails when a key used in code or views is missing from either.
/// </summary>
#pragma warning disable CA1052 // an anchor type for IStringLocalizer<T>, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
