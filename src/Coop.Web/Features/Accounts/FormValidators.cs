using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Accounts;

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        RuleFor(x => x.Email).EmailRules(l);
        RuleFor(x => x.Password).PasswordRules(l);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => l["Validation.PasswordsDiffer"]);
    }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).EmailRules(l);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Validation.Required"]);
    }
}

public sealed class TwoFactorFormValidator : AbstractValidator<TwoFactorForm>
{
    public TwoFactorFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .Matches(@"^\s*\d{3}[\s-]?\d{3}\s*$").WithMessage(_ => l["Validation.TotpFormat"]);
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(50).WithMessage(_ => l["Validation.TooLong", 50]);
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator(IStringLocalizer<SharedResource> l) => RuleFor(x => x.Email).EmailRules(l);
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage(_ => l["Identity.InvalidToken"]);
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Identity.InvalidToken"]);
        RuleFor(x => x.Password).PasswordRules(l);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => l["Validation.PasswordsDiffer"]);
    }
}

public sealed class EnableAuthenticatorFormValidator : AbstractValidator<EnableAuthenticatorForm>
{
    public EnableAuthenticatorFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .Matches(@"^\s*\d{3}[\s-]?\d{3}\s*$").WithMessage(_ => l["Validation.TotpFormat"]);
}

public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> EmailRules<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.NotEmpty().WithMessage(_ => l["Validation.Required"])
            .MaximumLength(256).WithMessage(_ => l["Validation.TooLong", 256])
            .EmailAddress().WithMessage(_ => l["Validation.Email"]);

    public static IRuleBuilderOptions<T, string> PasswordRules<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.NotEmpty().WithMessage(_ => l["Validation.Required"])
            .MinimumLength(12).WithMessage(_ => l["Validation.PasswordLength"])
            .MaximumLength(256).WithMessage(_ => l["Validation.TooLong", 256]);
}
