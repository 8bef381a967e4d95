namespace Sidig.Infrastructure.Documents.Business;

/// <summary>
/// Every label the business documents print, one instance per language. The properties are required, so a
/// label added for one language and forgotten in the other does not compile.
/// </summary>
internal sealed class DocumentLabels
{
    // Page chrome and shared parts
    public required string PageOf { get; init; }            // {0} page, {1} count
    public required string Continued { get; init; }
    public required string Phone { get; init; }
    public required string Email { get; init; }
    public required string Date { get; init; }
    public required string BillTo { get; init; }
    public required string OrderNumbers { get; init; }
    public required string Notes { get; init; }
    public required string Sincerely { get; init; }
    public required string Name { get; init; }
    public required string Signature { get; init; }
    public required string AmountInWords { get; init; }

    // Line tables
    public required string No { get; init; }
    public required string Code { get; init; }
    public required string Item { get; init; }
    public required string Qty { get; init; }
    public required string Unit { get; init; }
    public required string UnitPrice { get; init; }
    public required string DiscountColumn { get; init; }
    public required string Amount { get; init; }
    public required string Subtotal { get; init; }
    public required string Discount { get; init; }
    public required string Ppn { get; init; }
    public required string Total { get; init; }

    // Invoice
    public required string InvoiceTitle { get; init; }
    public required string InvoiceNumber { get; init; }
    public required string DueDate { get; init; }
    public required string DeliveryNoteNumbers { get; init; }
    public required string TaxInvoiceNumber { get; init; }
    public required string PayTo { get; init; }
    public required string Bank { get; init; }
    public required string AccountNumber { get; init; }
    public required string AccountHolder { get; init; }
    public required string TransferNote { get; init; }
    public required string ScanInvoice { get; init; }
    public required string StampDuty { get; init; }
    public required string LuxuryNote { get; init; }

    // Delivery note
    public required string DeliveryNoteTitle { get; init; }
    public required string DeliveryNoteNumber { get; init; }
    public required string OrderNumber { get; init; }
    public required string ShipFrom { get; init; }
    public required string ShipTo { get; init; }
    public required string Carrier { get; init; }
    public required string Vehicle { get; init; }
    public required string Driver { get; init; }
    public required string Tracking { get; init; }
    public required string Remarks { get; init; }
    public required string ScanDeliveryNote { get; init; }
    public required string SenderSignature { get; init; }
    public required string DriverSignature { get; init; }
    public required string RecipientSignature { get; init; }
    public required string ReceivedInGoodOrder { get; init; }

    // Credit note
    public required string CreditNoteTitle { get; init; }
    public required string CreditNoteNumber { get; init; }
    public required string CreditedInvoice { get; init; }
    public required string InvoiceDate { get; init; }
    public required string Reason { get; init; }
    public required string TotalCredited { get; init; }

    // Statement of account
    public required string StatementTitle { get; init; }
    public required string Period { get; init; }
    public required string StatementDate { get; init; }
    public required string Document { get; init; }
    public required string Description { get; init; }
    public required string Debit { get; init; }
    public required string Credit { get; init; }
    public required string Balance { get; init; }
    public required string OpeningBalance { get; init; }
    public required string ClosingBalance { get; init; }
    public required string PeriodTotals { get; init; }
    public required string NoEntries { get; init; }
    public required string Aging { get; init; }
    public required string AgingCurrent { get; init; }
    public required string Aging1To30 { get; init; }
    public required string Aging31To60 { get; init; }
    public required string Aging61To90 { get; init; }
    public required string AgingOver90 { get; init; }
    public required string KindInvoice { get; init; }
    public required string KindPayment { get; init; }
    public required string KindCreditNote { get; init; }
    public required string KindAdjustment { get; init; }

    public static readonly DocumentLabels Id = new()
    {
        PageOf = "Halaman {0} dari {1}", Continued = "lanjutan", Phone = "Telp.", Email = "Email", Date = "Tanggal",
        BillTo = "Kepada", OrderNumbers = "No. pesanan", Notes = "Catatan", Sincerely = "Hormat kami,", Name = "Nama",
        Signature = "Tanda tangan", AmountInWords = "Terbilang",
        No = "No", Code = "Kode", Item = "Nama barang", Qty = "Qty", Unit = "Sat.", UnitPrice = "Harga (Rp)",
        DiscountColumn = "Diskon (Rp)", Amount = "Jumlah (Rp)", Subtotal = "Subtotal", Discount = "Diskon", Ppn = "PPN",
        Total = "Total",
        InvoiceTitle = "FAKTUR PENJUALAN", InvoiceNumber = "No. faktur", DueDate = "Jatuh tempo",
        DeliveryNoteNumbers = "No. surat jalan", TaxInvoiceNumber = "No. faktur pajak", PayTo = "Pembayaran ke",
        Bank = "Bank", AccountNumber = "No. rekening", AccountHolder = "Atas nama",
        TransferNote = "Cantumkan nomor faktur pada berita transfer.", ScanInvoice = "Pindai untuk melihat faktur",
        StampDuty = "Bermeterai Rp 10.000", LuxuryNote = "* Barang mewah: PPN dihitung atas harga jual penuh.",
        DeliveryNoteTitle = "SURAT JALAN", DeliveryNoteNumber = "No. surat jalan", OrderNumber = "No. pesanan",
        ShipFrom = "Dikirim dari", ShipTo = "Dikirim kepada", Carrier = "Ekspedisi", Vehicle = "No. kendaraan",
        Driver = "Pengemudi", Tracking = "No. resi", Remarks = "Keterangan", ScanDeliveryNote = "Pindai untuk membuka surat jalan",
        SenderSignature = "Pengirim", DriverSignature = "Pengemudi", RecipientSignature = "Penerima",
        ReceivedInGoodOrder = "Barang telah diterima dalam keadaan baik dan lengkap.",
        CreditNoteTitle = "NOTA KREDIT", CreditNoteNumber = "No. nota kredit", CreditedInvoice = "Atas faktur",
        InvoiceDate = "Tanggal faktur", Reason = "Alasan", TotalCredited = "Total dikreditkan",
        StatementTitle = "PERNYATAAN REKENING", Period = "Periode", StatementDate = "Tanggal cetak", Document = "Dokumen",
        Description = "Keterangan", Debit = "Debit (Rp)", Credit = "Kredit (Rp)", Balance = "Saldo (Rp)",
        OpeningBalance = "Saldo awal", ClosingBalance = "Saldo akhir", PeriodTotals = "Jumlah mutasi",
        NoEntries = "Tidak ada mutasi pada periode ini.", Aging = "Umur piutang", AgingCurrent = "Belum jatuh tempo",
        Aging1To30 = "1–30 hari", Aging31To60 = "31–60 hari", Aging61To90 = "61–90 hari", AgingOver90 = "> 90 hari",
        KindInvoice = "Faktur", KindPayment = "Pembayaran", KindCreditNote = "Nota kredit", KindAdjustment = "Penyesuaian",
    };

    public static readonly DocumentLabels En = new()
    {
        PageOf = "Page {0} of {1}", Continued = "continued", Phone = "Phone", Email = "Email", Date = "Date",
        BillTo = "Bill to", OrderNumbers = "Order no.", Notes = "Notes", Sincerely = "Sincerely,", Name = "Name",
        Signature = "Signature", AmountInWords = "Terbilang",
        No = "No", Code = "SKU", Item = "Item", Qty = "Qty", Unit = "Unit", UnitPrice = "Price (Rp)",
        DiscountColumn = "Disc. (Rp)", Amount = "Amount (Rp)", Subtotal = "Subtotal", Discount = "Discount", Ppn = "VAT (PPN)",
        Total = "Total",
        InvoiceTitle = "INVOICE", InvoiceNumber = "Invoice no.", DueDate = "Due date",
        DeliveryNoteNumbers = "Delivery note no.", TaxInvoiceNumber = "Tax invoice no.", PayTo = "Payment to",
        Bank = "Bank", AccountNumber = "Account no.", AccountHolder = "Account name",
        TransferNote = "Please quote the invoice number with your transfer.", ScanInvoice = "Scan to view the invoice",
        StampDuty = "Stamp duty paid Rp 10.000", LuxuryNote = "* Luxury goods: VAT on the full selling price.",
        DeliveryNoteTitle = "DELIVERY NOTE", DeliveryNoteNumber = "Delivery note no.", OrderNumber = "Order no.",
        ShipFrom = "Ship from", ShipTo = "Ship to", Carrier = "Carrier", Vehicle = "Vehicle no.",
        Driver = "Driver", Tracking = "Tracking no.", Remarks = "Remarks", ScanDeliveryNote = "Scan to open the delivery note",
        SenderSignature = "Sender", DriverSignature = "Driver", RecipientSignature = "Recipient",
        ReceivedInGoodOrder = "Goods received in good order and complete.",
        CreditNoteTitle = "CREDIT NOTE", CreditNoteNumber = "Credit note no.", CreditedInvoice = "Credits invoice",
        InvoiceDate = "Invoice date", Reason = "Reason", TotalCredited = "Total credited",
        StatementTitle = "STATEMENT OF ACCOUNT", Period = "Period", StatementDate = "Statement date", Document = "Document",
        Description = "Description", Debit = "Debit (Rp)", Credit = "Credit (Rp)", Balance = "Balance (Rp)",
        OpeningBalance = "Opening balance", ClosingBalance = "Closing balance", PeriodTotals = "Period totals",
        NoEntries = "No entries in this period.", Aging = "Aging", AgingCurrent = "Current",
        Aging1To30 = "1–30 days", Aging31To60 = "31–60 days", Aging61To90 = "61–90 days", AgingOver90 = "> 90 days",
        KindInvoice = "Invoice", KindPayment = "Payment", KindCreditNote = "Credit note", KindAdjustment = "Adjustment",
    };
}
