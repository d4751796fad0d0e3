using Coop.Domain.Tenancy;

namespace Coop.Domain.Tests.Tenancy;

public sealed class TenantSlugTests
{
    [TestCase("tiers-lieu-belleville")]
    [TestCase("coop42")]
    [TestCase("abc")]
    public void Well_formed_slugs_are_accepted(string slug) => Assert.That(TenantSlug.IsValid(slug), Is.True);

    [TestCase("", Description = "empty")]
    [TestCase("ab", Description = "too short")]
    [TestCase("Belleville", Description = "upper case")]
    [TestCase("tiers_lieu", Description = "underscore")]
    [TestCase("-belleville", Description = "leading hyphen")]
    [TestCase("belle--ville", Description = "double hyphen")]
    [TestCase("épicerie", Description = "non-ASCII")]
    [TestCase("a-very-long-slug-that-goes-on-and-on-and-on", Description = "over 40 characters")]
    public void Malformed_slugs_are_refused(string slug) => Assert.That(TenantSlug.IsValid(slug), Is.False);

    [TestCase("admin")]
    [TestCase("api")]
    [TestCase("platform")]
    [TestCase("account")]
    [TestCase("health")]
    public void Reserved_words_are_refused_even_when_well_formed(string slug)
    {
        Assert.That(TenantSlug.IsWellFormed(slug), Is.True);
        Assert.That(TenantSlug.IsValid(slug), Is.False);
    }
}
