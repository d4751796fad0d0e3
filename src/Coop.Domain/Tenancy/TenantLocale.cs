namespace Coop.Domain.Tenancy;

/// <summary>The interface languages a cooperative can choose; French first.</summary>
public static class TenantLocale
{
    public const string FrenchFrance = "fr-FR";
    public const string FrenchCanada = "fr-CA";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [FrenchFrance, FrenchCanada, English];

    public static bool IsSupported(string? locale) => locale is not null && All.Contains(locale);
}

/// <summary>ISO 4217 currencies the platform handles.</summary>
public static class TenantCurrency
{
    public const string Euro = "EUR";
    public const string CanadianDollar = "CAD";

    public static readonly IReadOnlyList<string> All = [Euro, CanadianDollar];

    public static bool IsSupported(string? currency) => currency is not null && All.Contains(currency);
}
