using Coop.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coop.Web.Features.Accounts;

/// <summary>
/// Refuses passwords that are long enough but trivially guessable: well-known long passwords, one character
/// repeated, keyboard or digit runs, and passwords containing the person's own e-mail name. Length does the rest
/// (12 characters at least, no composition rules, as NIST SP 800-63B advises).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CoopUser>
{
    // Frequently breached passwords of 12+ characters (the shorter ones are already refused by length).
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011", "password1234",
        "password12345", "password123456", "passwordpassword", "motdepasse123", "motdepasse1234", "qwertyuiopasdf",
        "qwertyuiop123", "qwerty123456", "azertyuiop123", "azerty123456", "azertyuiopqsd", "iloveyou1234",
        "abcdefghijkl", "abcd12345678", "administrator", "administrateur", "welcome12345", "bienvenue123",
        "letmein12345", "changeme1234", "football1234", "soleil123456", "jetaime123456", "111111111111",
        "000000000000", "aaaaaaaaaaaa", "coopcoopcoop", "cooperative1", "cooperative123", "monmotdepasse",
        "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "trustno11234", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "zaq12wsxcde3", "qazwsxedcrfv", "asdfghjkl123", "zxcvbnm12345", "987654321098", "098765432109",
    };

    private static readonly string[] Runs = ["0123456789012345678901", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn"];

    public Task<IdentityResult> ValidateAsync(UserManager<CoopUser> manager, CoopUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        var weak = Known.Contains(password)
            || lower.Distinct().Count() <= 2
            || Runs.Any(run => run.Contains(lower, StringComparison.Ordinal) || ReverseOf(run).Contains(lower, StringComparison.Ordinal))
            || (localPart is { Length: >= 4 } && lower.Contains(localPart, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "PasswordTooCommon" })
            : IdentityResult.Success);
    }

    private static string ReverseOf(string value) => new(value.Reverse().ToArray());
}
