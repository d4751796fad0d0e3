namespace Coop.Web.Features.Accounts;

public sealed class RegisterForm
{
    public string DisplayName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class LoginForm
{
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    public string Code { get; set; } = string.Empty;
    public bool RememberMachine { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    public string Code { get; set; } = string.Empty;
    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordForm
{
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordForm
{
    public string UserId { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class EnableAuthenticatorForm
{
    public string Code { get; set; } = string.Empty;
}
