namespace Coop.Domain.Tenancy;

/// <summary>Where a cooperative lives: used to group the public directory.</summary>
public sealed record Territory(string CountryCode, string Region, string Locality)
{
    public static Territory Of(string countryCode, string region, string locality) =>
        new(countryCode.Trim().ToUpperInvariant(), region.Trim(), locality.Trim());
}
