"""The manager owns the data: export everything to one zip, import it into an empty data
folder, and remove a report with every trace of their notes (`service.DataService`)."""
