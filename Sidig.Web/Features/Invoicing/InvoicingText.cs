namespace Sidig.Web.Features.Invoicing;

/// <summary>Marker for the texts of the invoice and payment pages (InvoicingText.en-US.resx / InvoicingText.id-ID.resx).</summary>
public sealed class InvoicingText;
