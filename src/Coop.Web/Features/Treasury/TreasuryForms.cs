using Coop.Domain.Treasury;
using Coop.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Treasury;

/// <summary>Amounts are typed as text ("12,50") and checked here, so a bad amount gets a message, never a 400.</summary>
internal static class AmountRules
{
    public static IRuleBuilderOptions<T, string?> Amount<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> l) =>
        rule.Must(a => Money.Parse(a) is > 0 and <= Payment.MaximumMinor).WithMessage(_ => l["Treasury.AmountInvalid"]);
}

public sealed class AmountForm
{
    public string? Amount { get; set; }
    public long Minor => Money.Parse(Amount) ?? 0;
}

public sealed class AmountFormValidator : AbstractValidator<AmountForm>
{
    public AmountFormValidator(IStringLocalizer<SharedResource> l) => RuleFor(x => x.Amount).Amount(l);
}

public sealed class TransferForm
{
    public Guid? ToMemberId { get; set; }
    public string? Amount { get; set; }
    public string? Note { get; set; }
    public long Minor => Money.Parse(Amount) ?? 0;
}

public sealed class TransferFormValidator : AbstractValidator<TransferForm>
{
    public TransferFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ToMemberId).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Amount).Amount(l);
        RuleFor(x => x.Note).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
    }
}

public sealed class ManualPaymentForm
{
    public Guid? MemberId { get; set; }
    public PaymentPurpose Purpose { get; set; } = PaymentPurpose.Dues;
    public Guid? CallId { get; set; }
    public string? Amount { get; set; }
    public PaymentMethod Method { get; set; } = PaymentMethod.Cheque;
    public string? Reference { get; set; }
    public DateOnly? Date { get; set; }
    public long Minor => Money.Parse(Amount) ?? 0;
}

public sealed class ManualPaymentFormValidator : AbstractValidator<ManualPaymentForm>
{
    public ManualPaymentFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.MemberId).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Purpose).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.CallId).NotNull().WithMessage(_ => l["Treasury.CallRequired"]).When(x => x.Purpose == PaymentPurpose.Dues);
        RuleFor(x => x.Amount).Amount(l);
        RuleFor(x => x.Method).Must(m => m is PaymentMethod.Cash or PaymentMethod.Cheque or PaymentMethod.Transfer).WithMessage(_ => l["Treasury.ManualMethod"]);
        RuleFor(x => x.Reference).NotEmpty().WithMessage(_ => l["Treasury.ReferenceRequired"]).When(x => x.Method != PaymentMethod.Cash)
            .MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Date).NotNull().WithMessage(_ => l["Validation.Required"]);
    }
}

public sealed class WaiveForm
{
    public string? Amount { get; set; }
    public string? Reason { get; set; }
    public long Minor => Money.Parse(Amount) ?? 0;
}

public sealed class WaiveFormValidator : AbstractValidator<WaiveForm>
{
    public WaiveFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Amount).Amount(l);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Treasury.ReasonRequired"]).MaximumLength(500).WithMessage(_ => l["Validation.TooLong", 500]);
    }
}

public sealed class PlanForm
{
    public string? Name { get; set; }
    public DuesPeriod Period { get; set; } = DuesPeriod.Yearly;
    public int CustomMonths { get; set; } = 6;
    public DateOnly? StartsOn { get; set; }
    public string? Standard { get; set; }
    public int GraceDays { get; set; } = 30;
    public List<TariffRow> Tariffs { get; set; } = [];
}

public sealed class TariffRow
{
    public Guid CategoryId { get; set; }
    public TariffKind Kind { get; set; } = TariffKind.Standard;
    /// <summary>Empty: the category pays the standard amount.</summary>
    public string? Amount { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Period).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.CustomMonths).InclusiveBetween(1, 60).WithMessage(_ => l["Validation.Between", 1, 60]).When(x => x.Period == DuesPeriod.Custom);
        RuleFor(x => x.StartsOn).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Standard).Amount(l);
        RuleFor(x => x.GraceDays).InclusiveBetween(0, 365).WithMessage(_ => l["Validation.Between", 0, 365]);
        RuleForEach(x => x.Tariffs).ChildRules(row =>
        {
            row.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
            row.RuleFor(r => r.Amount).Must(a => string.IsNullOrWhiteSpace(a) || Money.Parse(a) is >= 0 and <= Payment.MaximumMinor)
                .WithMessage(_ => l["Treasury.AmountInvalid"]);
        });
    }
}

public sealed class TreasurySettingsForm
{
    public string? StripeAccountId { get; set; }
    public bool SepaDebit { get; set; }
    public bool PreAuthorizedDebit { get; set; }
    public bool TaxReceipts { get; set; }
    public string? WalletMinimum { get; set; } = "5";
}

public sealed class TreasurySettingsFormValidator : AbstractValidator<TreasurySettingsForm>
{
    public TreasurySettingsFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.StripeAccountId).Matches("^acct_[A-Za-z0-9]{6,60}$").WithMessage(_ => l["Treasury.StripeAccountInvalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.StripeAccountId));
        RuleFor(x => x.WalletMinimum).Amount(l);
    }
}
