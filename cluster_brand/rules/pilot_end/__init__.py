"""The end of the pilot (Annex 1 四, 总结评价 and 示范申报): the final summary of the pilot period, the
evaluation round and the demonstration-zone application (示范区申报书), as plain Python (issue 21)."""
