"""Laboratory values and clinical measures (white-cell and differential counts, haemoglobin,
platelets, CRP, tumour markers, G-CSF, IL-6, LAP score, temperature, tumour size, radiation dose),
each normalised to its analyte's canonical unit."""
