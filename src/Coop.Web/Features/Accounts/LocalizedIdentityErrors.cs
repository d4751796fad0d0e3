using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Accounts;

/// <summary>Identity's error messages in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key) => new() { Code = code, Description = l[key] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Identity.RecoveryCodeFailed");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Validation.Email");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Validation.Email");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateEmail");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Validation.PasswordLength");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Identity.DefaultError");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Identity.DefaultError");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Identity.DefaultError");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Identity.DefaultError");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Identity.DefaultError");

    /// <summary>Our own validators' errors carry a resource key as description; translate those too.</summary>
    public string Describe(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code == "PasswordTooCommon" ? l["Validation.PasswordTooCommon"] : error.Description;
    }
}
