using System.Globalization;
using MudBlazor;
using Sidig.Domain.Invoicing;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Receivables;

/// <summary>Marker for the texts of the credit note, receivables and statement pages (ReceivablesText.en-US.resx / .id-ID.resx), and their formats.</summary>
public sealed class ReceivablesText
{

    public static Color KindColor(StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.Invoice => Color.Default,
        StatementEntryKind.Payment => Color.Success,
        _ => Color.Info,
    };

    public static string MethodKey(PaymentMethod? method) => "Method." + (method ?? PaymentMethod.Other);
}
