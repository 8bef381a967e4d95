using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Domain.Service;

namespace Sidig.Web.Features.Service;

/// <summary>Texts of the service desk pages, and the names and colours of ticket values.</summary>
public sealed class ServiceText;

public static class ServiceLabels
{
    public static string Status(this IStringLocalizer<ServiceText> l, TicketStatus s) => l["Status." + s];
    public static string Type(this IStringLocalizer<ServiceText> l, TicketType t) => l["Type." + t];
    public static string Priority(this IStringLocalizer<ServiceText> l, TicketPriority p) => l["Priority." + p];
    public static string Kind(this IStringLocalizer<ServiceText> l, TicketMessageKind k) => l["Kind." + k];

    public static Color StatusColor(TicketStatus s) => s switch
    {
        TicketStatus.New => Color.Info,
        TicketStatus.WaitingOnCustomer => Color.Warning,
        TicketStatus.Resolved or TicketStatus.Closed => Color.Success,
        TicketStatus.Rejected => Color.Error,
        _ => Color.Primary,
    };

    public static Color PriorityColor(TicketPriority p) => p switch
    {
        TicketPriority.Urgent => Color.Error,
        TicketPriority.High => Color.Warning,
        _ => Color.Default,
    };
}
