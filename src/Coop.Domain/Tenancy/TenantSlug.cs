using System.Text.RegularExpressions;

namespace Coop.Domain.Tenancy;

/// <summary>
/// The changeable, URL-visible name of a cooperative (<c>/c/{slug}</c>). Lower-case ASCII letters, digits and
/// single hyphens, 3 to 40 characters, and never a word the platform needs for its own routes.
/// </summary>
public static partial class TenantSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "api", "account", "accounts", "app", "assets", "auth", "c", "coop", "css", "dev", "docs",
        "health", "help", "home", "img", "js", "language", "lib", "login", "logout", "mail", "new", "operator",
        "platform", "privacy", "register", "root", "settings", "static", "status", "support", "system", "www",
    };

    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    public static bool IsWellFormed(string? slug) =>
        slug is { Length: >= MinLength and <= MaxLength } && Shape().IsMatch(slug);

    public static bool IsValid(string? slug) => IsWellFormed(slug) && !IsReserved(slug!);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
