namespace Sidig.Domain.Common;

/// <summary>Business records whose inserts, updates and deletes are written to the audit trail.</summary>
public interface IAuditable;
